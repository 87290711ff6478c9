/**
 * Text from the file shown in Markdown (hovers): every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it), so no link, image, HTML, autolink or emphasis can be
 * formed from it, and line breaks become spaces so it cannot start a block.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}
