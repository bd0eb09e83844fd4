/**
 * Formatters made so far, by tag. The first `Intl.NumberFormat` a page makes costs 15–45 ms in
 * Chromium (it loads the browser's number data); later ones are cheap, and one per locale is enough.
 */
const made = new Map<string, Intl.NumberFormat>()

/**
 * The code point of zero in the digits of the widgets' own languages: `0`, `۰` (Extended
 * Arabic-Indic) and `٠` (Arabic-Indic). A widget's numbers are small whole ones (a step of a tour,
 * a scale point, a count of items), which these write exactly as `Intl.NumberFormat` would, without
 * loading its data on the first widget's show: the largest one-time cost of that show.
 */
const ZERO: Record<string, number> = { en: 48, fa: 0x6f0, ar: 0x660 }

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
 * digits; a region (`ar-MA`) or a `-u-nu-` extension keeps whatever that locale uses. Whole numbers
 * below 1,000 in `en`, `fa` and `ar` (no grouping separator yet) are written from their digits;
 * anything else by an `Intl.NumberFormat`, made on the first call, once per tag.
 * @example numberFormatter('fa')(10) // '۱۰'
 */
export function numberFormatter(tag: string): (n: number) => string {
  const zero = ZERO[tag]
  return (n) => (zero && Number.isInteger(n) && n >= 0 && n < 1000 ? String(n).replace(/\d/g, (d) => String.fromCharCode(zero + +d)) : make(tag).format(n))
}
