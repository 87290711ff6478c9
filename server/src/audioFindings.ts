import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkAudio, Finding, TranscriptConfig } from './core';
import type { TranscriptLanguageService } from './core';
import type { EpisodeMedia } from './handlers/episodeMedia';

/** The audio rules' findings for an open episode whose media the player has had analysed; none otherwise. */
export function audioFindingsOf(service: TranscriptLanguageService, media: EpisodeMedia, doc: TextDocument, config: TranscriptConfig): Finding[] {
  const found = media.get(doc.uri);
  if (!found) return [];
  return checkAudio(service.model(doc), config, found.analysis, (offset) => doc.positionAt(offset).line + 1);
}
