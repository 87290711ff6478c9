/** Moved to the core (the CLI's --media finds media by the same names): server/src/core/media/mediaNames.ts. */
export * from '../../../server/src/core/media/mediaNames';
