/**
 * A number formatter with the locale's digits: `۱۰` for `fa`, `١٠` for `ar`, `10` for `en`.
 * Plain `ar` asks for Arabic-Indic digits explicitly because newer CLDR data defaults it to Latin
 * digits; a region (`ar-MA`) or a `-u-nu-` extension keeps whatever that locale uses.
 * @example numberFormatter('fa')(10) // '۱۰'
 */
export function numberFormatter(tag: string): (n: number) => string {
  let format: Intl.NumberFormat
  try {
    format = new Intl.NumberFormat(tag === 'ar' ? 'ar-u-nu-arab' : tag)
  } catch {
    format = new Intl.NumberFormat('en')
  }
  return (n) => format.format(n)
}
