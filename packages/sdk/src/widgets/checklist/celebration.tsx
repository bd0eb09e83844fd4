import { useContext } from 'preact/hooks'
import { CHECKLIST_STRINGS } from '../../i18n/checklist-strings.ts'
import { Button, COMMON_STRINGS, EnvContext, type WidgetEnv } from '../runtime.ts'
import { BITS } from './styles.ts'

/**
 * Shown once every item is done: a burst of confetti (decorative, animated only without reduced
 * motion), "All done!" and a Done button that completes the checklist.
 */
export function Celebration({ onDone }: { onDone(): void }) {
  const env = useContext(EnvContext) as WidgetEnv
  return (
    <div class="cl-done">
      <div aria-hidden="true">{Array.from({ length: BITS }, (_, i) => <i key={i} class="cl-bit" />)}</div>
      <p class="cl-done-title">{env.t(CHECKLIST_STRINGS, 'allDone')}</p>
      <p>{env.t(CHECKLIST_STRINGS, 'allDoneBody')}</p>
      <div class="actions">
        <Button primary onClick={onDone}>{env.t(COMMON_STRINGS, 'done')}</Button>
      </div>
    </div>
  )
}
