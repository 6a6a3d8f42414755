// The `synonyms` package (WordNet-derived thesaurus) ships no types. Only its
// dictionary is used: a plain object from a word to its synonyms by part of speech.
declare module "synonyms" {
  interface Synonyms {
    (word: string, type?: string): Record<string, string[]> | string[] | undefined;
    dictionary: Record<string, Record<string, string[]>>;
  }
  const synonyms: Synonyms;
  export default synonyms;
}
