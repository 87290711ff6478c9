import type { AudioAnalysis } from '../core/audio';

/** The media analysis each open episode is checked against (sent by the player), by document URI. */
export class EpisodeMedia {
  private readonly byEpisode = new Map<string, { media: string; analysis: AudioAnalysis }>();

  get(uri: string): { media: string; analysis: AudioAnalysis } | undefined {
    return this.byEpisode.get(uri);
  }

  set(uri: string, media: string, analysis: AudioAnalysis): void {
    this.byEpisode.set(uri, { media, analysis });
  }

  forget(uri: string): void {
    this.byEpisode.delete(uri);
  }
}
