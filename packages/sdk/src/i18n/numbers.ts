/**
 * Formatters made so far, by tag. The first `Intl.NumberFormat` a page makes costs 15–30 ms in
 * Chromium (it loads the browser's number data); later ones are cheap, and one per locale is enough.
 */
const made = new Map<string, Intl.NumberFormat>()

const make = (tag: string): Intl.NumberFormat => {
  let format = made.get(tag)
  if (!format) {
    try {
      format = new Intl.NumberFormat(tag === 'ar' ? 'ar-u-nu-arab' : tag)
    } catch {
      format = new Intl.NumberFormat('en')
    }
    made.set(tag, format)
  }
  return format
}

/**
 * A number formatter with the locale's digits: `۱۰` for `fa`, `١٠` for `ar`, `10` for `en`.
 * Plain `ar` asks for Arabic-Indic digits explicitly because newer CLDR data defaults it to Latin
 * digits; a region (`ar-MA`) or a `-u-nu-` extension keeps whatever that locale uses. The
 * `Intl.NumberFormat` is made on the first call, once per tag.
 * @example numberFormatter('fa')(10) // '۱۰'
 */
export function numberFormatter(tag: string): (n: number) => string {
  return (n) => make(tag).format(n)
}
