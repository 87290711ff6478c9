// nspell ships no types; the one call the core makes.
declare module 'nspell' {
  interface NSpell {
    correct(word: string): boolean;
  }
  function nspell(aff: string, dic: string): NSpell;
  export = nspell;
}
