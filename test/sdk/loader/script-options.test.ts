import { describe, expect, it } from 'vitest'
import { scriptOptions } from '../../../packages/sdk/src/loader/script-options.ts'

const tag = (attributes: Record<string, string>) => {
  const script = document.createElement('script')
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
  return script
}

describe("the script tag's what's-new feed attribute", () => {
  it.each([
    [{}, undefined],
    [{ 'data-feed': '' }, true],
    [{ 'data-feed': '#whats-new' }, { selector: '#whats-new' }],
  ])('%j gives feed %j', (attributes, feed) => {
    expect(scriptOptions(tag({ 'data-key': 'pk_x', ...attributes })).feed).toEqual(feed)
  })
})
