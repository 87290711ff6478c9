export { analyzeMedia, AnalysisCancelled, readAnalysis } from './analyze';
export { analyzePcm } from './pcmAnalysis';
export type { AnalyzeMediaOptions } from './analyze';
export { fromBase64, toBase64 } from './base64';
export { UnsupportedMedia } from './decoders';
export { sniffFormat } from './format';
export { ANALYSIS_VERSION } from './types';
export type { AudioAnalysis, MediaFormat, PcmChunk } from './types';
