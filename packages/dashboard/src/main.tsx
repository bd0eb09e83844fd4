import { render } from 'preact'
import { App } from './App.tsx'
import { createDashboard } from './create-dashboard.ts'

const dashboard = createDashboard(window)
void dashboard.session.load()
render(<App dashboard={dashboard} languages={navigator.languages} />, document.getElementById('app')!)
