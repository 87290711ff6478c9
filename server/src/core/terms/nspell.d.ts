// nspell ships no types; the calls the core makes.
declare module 'nspell' {
  namespace nspell {
    interface NSpell {
      correct(word: string): boolean;
      /** Adds a Hunspell .dic text (its first line, the count, is skipped). */
      dictionary(dic: string): NSpell;
      /** COMPOUNDRULE patterns: the affix file's strings until dictionary() turns them into expressions. */
      compoundRules: (string | RegExp)[];
    }
  }
  function nspell(aff: string, dic?: string): nspell.NSpell;
  export = nspell;
}
