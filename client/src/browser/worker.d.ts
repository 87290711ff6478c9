/** The one browser global the web extension uses that the project's `lib` (ES2022 + Node types) lacks. */
declare class Worker {
  constructor(url: string);
  terminate(): void;
}
