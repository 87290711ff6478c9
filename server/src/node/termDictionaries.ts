import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { DictionaryFiles } from '../core/terms/dictionaries';

/**
 * The dictionaries' files from node_modules (the CLI and the tests). The extension's bundles get
 * this module replaced by one holding the same texts (tools/bundle.mjs), so a .vsix needs no
 * node_modules and a browser worker no file system.
 */

/** Package, files, and the name a message gives the list. */
export const TERM_LISTS: readonly { pkg: string; files: readonly string[]; name: string }[] = [
  { pkg: '@cspell/dict-software-terms', files: ['dict/softwareTerms.txt.gz', 'dict/software-tools.txt', 'dict/webServices.txt', 'dict/networkingTerms.txt'], name: 'software terms' },
  { pkg: '@cspell/dict-companies', files: ['dict/companies.txt'], name: 'company names' },
  { pkg: '@cspell/dict-data-science', files: ['dict/data-science.txt', 'dict/data-science-tools.txt', 'dict/data-science-models.txt'], name: 'data-science terms' },
];

export function readDictionaryFiles(): DictionaryFiles {
  const english = path.dirname(require.resolve('dictionary-en'));
  return {
    english: { aff: fs.readFileSync(path.join(english, 'index.aff'), 'utf8'), dic: fs.readFileSync(path.join(english, 'index.dic'), 'utf8') },
    lists: TERM_LISTS.map((list) => {
      const root = path.dirname(require.resolve(`${list.pkg}/cspell-ext.json`));
      return { name: list.name, text: list.files.map((file) => readText(path.join(root, file))).join('\n') };
    }),
  };
}

function readText(file: string): string {
  const bytes = fs.readFileSync(file);
  return (file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
}
