import fc from 'fast-check'

/**
 * Audience rule trees over `leaf`: the leaf itself, or `and`/`or` of up to 3 trees, or `not` of one,
 * small in depth and shrinking across branches. The `and`/`or`/`not` nodes are rules of the same type.
 */
export function ruleTree<T>(leaf: fc.Arbitrary<T>): fc.Arbitrary<T> {
  const { rule } = fc.letrec<{ rule: unknown }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ and: fc.array(tie('rule'), { maxLength: 3 }) }),
      fc.record({ or: fc.array(tie('rule'), { maxLength: 3 }) }),
      fc.record({ not: tie('rule') }),
    ),
  }))
  return rule as fc.Arbitrary<T>
}
