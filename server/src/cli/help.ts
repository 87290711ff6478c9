import { RULES } from '../core';

/** `--help`, and the short usage shown with a usage error. */

export const USAGE = 'Usage: transcript-lint [options] <file|folder|glob>...';

export function helpText(): string {
  const width = Math.max(...RULES.map((rule) => rule.id.length));
  const rules = RULES.map((rule) => `  ${rule.id.padEnd(width)}  ${(rule.offByDefault ? 'off' : rule.defaultSeverity).padEnd(7)}  ${rule.description}`).join('\n');
  return `${USAGE}

Checks podcast episode transcripts (Markdown files whose YAML front matter holds a
'transcript:' list) with the same rules as the editor extension. Folders are searched
for *.md (node_modules and .git are skipped); globs may use *, ** and ?. Files that are
not episodes are skipped and counted, and so are Jekyll templates (Liquid such as
{{ season }} in the front matter) unless named on their own.

Options:
  -f, --format <name>     text (default), json, github (Actions annotations) or sarif (2.1.0)
      --fix               apply every safe fix (the editor's "fix all") and write the files back
      --fix-dry-run       print the fixes as a unified diff instead of writing them
      --rule <id=sev>     set a rule's severity: error, warning, information, hint or off
                          (repeatable, or comma-separated; wins over the config file)
  -c, --config <file>     use this config file instead of the nearest .transcriptlintrc.json
      --ignore <glob>     leave out the files (or folders) the glob matches, named ones too
                          (repeatable; as the config file's "ignores")
      --max-warnings <n>  exit 1 when there are more than n warnings
  -q, --quiet             no progress counter on the terminal, no fix notes on stderr
  -h, --help              show this help
  -v, --version           show the version

Config file (.transcriptlintrc.json, looked up from each file's folder upward):
  { "rules": { "sec-order": "error", "header-hidden": "off" }, "toleranceSeconds": 5,
    "ignores": ["_podcast/_template.md", "drafts/**"] }

Exit codes: 0 no errors (warnings allowed unless --max-warnings is exceeded),
            1 errors found (or too many warnings), 2 usage, config or file problem
            (a file that cannot be read, or holds more than 50 MB).

Examples:
  transcript-lint _podcast
  transcript-lint --format github _podcast
  transcript-lint '_podcast/**/*.md' --rule who-missing=off --max-warnings 0
  transcript-lint --fix-dry-run _podcast/my-episode.md
  transcript-lint --fix _podcast
  transcript-lint --format sarif _podcast > transcripts.sarif

Rules (id, default severity):
${rules}
`;
}
