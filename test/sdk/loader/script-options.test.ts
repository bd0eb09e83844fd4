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

describe("the script tag's language attributes", () => {
  it('data-locale is the reader\'s language, data-content-locale the language of flows that declare none', () => {
    expect(scriptOptions(tag({ 'data-key': 'pk_x', 'data-locale': 'fa-IR', 'data-content-locale': 'fa' }))).toEqual({ key: 'pk_x', locale: 'fa-IR', contentLocale: 'fa' })
    expect(scriptOptions(tag({ 'data-key': 'pk_x' }))).toEqual({ key: 'pk_x' })
  })
})
