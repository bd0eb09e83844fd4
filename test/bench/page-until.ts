/**
 * Page-script source for the benches: `until(test)` resolves once `test()` holds, polled in a
 * MessageChannel loop (no timer clamping), bounded at 5 s; a test that throws fails it. One channel for
 * the whole page: a channel per wait would show up in the heap readings as thousands of message ports.
 */
export const PAGE_UNTIL = `
const channel = new MessageChannel()
let poll
channel.port1.onmessage = () => poll?.()
const until = (test) => new Promise((done, fail) => {
  const start = performance.now()
  const end = (settle, value) => ((poll = undefined), settle(value))
  poll = () => {
    let ok
    try {
      ok = test()
    } catch (error) {
      return end(fail, error)
    }
    if (ok) return end(done)
    if (performance.now() - start > 5000) return end(fail, new Error('timed out'))
    channel.port2.postMessage(0)
  }
  channel.port2.postMessage(0)
})`
