import { init } from '@cairn/sdk'

// The test opens this page with the collector's URL and a user id in the query.
const params = new URLSearchParams(location.search)
const sdk = init({ key: 'pk_install', endpoint: params.get('endpoint') ?? '', user: { id: params.get('user') ?? 'installed-user' } })
Object.assign(window, { sdk })
sdk.showSurvey('install-nps')
