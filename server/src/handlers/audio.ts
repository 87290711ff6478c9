import type { CancellationToken } from 'vscode-languageserver';
import { AnalysisCancelled, AudioAnalysis, readAnalysis, UnsupportedMedia } from '../core/audio';
import { AUDIO_ANALYSIS_REQUEST, AudioAnalysisParams, AudioAnalysisResult } from '../protocol';
import type { ServerContext } from './context';
import type { EpisodeMedia } from './episodeMedia';

/** `transcripts/audioAnalysis` (protocol.ts): analysed by the host with progress and cancellation, kept for the episode. */
export function registerAudioHandlers(ctx: ServerContext, media: EpisodeMedia): void {
  const { connection, host, guard } = ctx;
  connection.onRequest(AUDIO_ANALYSIS_REQUEST, guard('audioAnalysis', async (params: AudioAnalysisParams, token: CancellationToken): Promise<AudioAnalysisResult> => {
    if (typeof params?.media !== 'string') return { ok: false, message: 'audioAnalysis takes { media: uri, textDocument?: { uri } }' };
    const keep = (analysis: AudioAnalysis) => {
      const episode = params.textDocument?.uri;
      if (episode && ctx.documents.get(episode)) {
        media.set(episode, params.media, analysis);
        ctx.schedule(episode);
      }
    };
    if (params.analysis !== undefined) {
      // Made by the client (the player's page decoding AAC): untrusted data, its shape checked.
      const given = readAnalysis(params.analysis);
      if (!given) return { ok: false, message: 'The analysis sent is not one this server reads.' };
      keep(given);
      return { ok: true, media: params.media, cached: false, analysis: given };
    }
    if (!host.analyzeMedia) return { ok: false, message: 'This language server cannot read media files here.' };
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    let shown = -1;
    progress.begin('Analysing the speech', 0, undefined, true);
    try {
      const { analysis, cached } = await host.analyzeMedia(params.media, {
        cacheFolder: ctx.client.audioCacheFolder,
        isCancelled: () => token.isCancellationRequested,
        onProgress: (fraction) => {
          const percent = Math.floor(fraction * 100);
          if (percent !== shown) progress.report((shown = percent));
        },
      });
      keep(analysis);
      return { ok: true, media: params.media, cached, analysis };
    } catch (error) {
      if (error instanceof AnalysisCancelled) return { ok: false, message: 'The analysis was cancelled.', cancelled: true };
      const message = `Cannot analyse ${decodeURIComponent(params.media.replace(/^.*\//, ''))}: ${error instanceof Error ? error.message : String(error)}`;
      return error instanceof UnsupportedMedia && error.format === 'mp4' ? { ok: false, message, browserMayDecode: true } : { ok: false, message };
    } finally {
      progress.done();
    }
  }));
  ctx.documents.onDidClose((e) => media.forget(e.document.uri));
}
