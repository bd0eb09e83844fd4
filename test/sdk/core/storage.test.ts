import { describe, expect, it } from 'vitest'
import { memoryStorage, webStorage } from '../../../packages/sdk/src/index.ts'

describe('memoryStorage', () => {
  it('gets, sets, removes and lists keys by prefix', () => {
    const storage = memoryStorage([['cairn:a', '1']])
    storage.set('cairn:b', '2')
    storage.set('other', '3')
    expect(storage.get('cairn:a')).toBe('1')
    expect(storage.keys('cairn:').sort()).toEqual(['cairn:a', 'cairn:b'])
    storage.remove('cairn:a')
    expect(storage.get('cairn:a')).toBeNull()
  })
})

describe('webStorage', () => {
  it('reads and writes the real localStorage', () => {
    localStorage.clear()
    const storage = webStorage(() => localStorage)
    storage.set('cairn:x', 'y')
    expect(localStorage.getItem('cairn:x')).toBe('y')
    expect(storage.keys('cairn:')).toEqual(['cairn:x'])
    storage.remove('cairn:x')
    expect(localStorage.getItem('cairn:x')).toBeNull()
  })

  it('falls back to memory when the storage area cannot even be opened (sandboxed iframe)', () => {
    const errors: unknown[] = []
    const storage = webStorage(() => {
      throw new DOMException('denied', 'SecurityError')
    }, (error) => errors.push(error))
    storage.set('k', 'v')
    expect(storage.get('k')).toBe('v')
    expect(storage.keys('')).toEqual(['k'])
    expect(errors).toHaveLength(1)
  })

  it('falls back to memory when a write throws (quota, private mode) and keeps working', () => {
    let writes = 0
    const area = {
      getItem: () => null,
      setItem: () => {
        writes++
        throw new DOMException('full', 'QuotaExceededError')
      },
      removeItem: () => {},
    } as unknown as Storage
    const errors: unknown[] = []
    const storage = webStorage(() => area, (error) => errors.push(error))
    storage.set('a', '1')
    storage.set('b', '2')
    expect([storage.get('a'), storage.get('b')]).toEqual(['1', '2'])
    expect(writes).toBe(1)
    expect(errors).toHaveLength(1)
  })

  it('falls back to memory when there is no storage at all', () => {
    const storage = webStorage(() => null)
    storage.set('a', '1')
    expect(storage.get('a')).toBe('1')
  })
})
