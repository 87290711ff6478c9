// The player page inside the webview: a media element with play/pause, time, seek bar, speed and
// skip buttons. It only ever sets textContent and the media's src (a webview URI the extension
// built); it reports its state to the extension, which ties it to the transcript.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host.
  const vscode = acquireVsCodeApi();
  // The API can be acquired once per page: the waveform lane (waveform.js, loaded after this) posts through it.
  // @ts-ignore a property of our own on the page's window.
  window.transcriptsPlayerApi = vscode;
  const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
  const box = $('media');
  const play = $('play');
  const back = $('back');
  const forward = $('forward');
  const time = $('time');
  const seek = $('seek');
  const speed = $('speed');
  const message = $('message');
  const file = $('file');
  /** @type {HTMLMediaElement | undefined} */
  let media;
  let skip = 5;
  let seeking = false;

  /** `m:ss`, or `h:mm:ss` from one hour: as the site writes times. */
  function label(/** @type {number} */ seconds) {
    if (!Number.isFinite(seconds)) return '–';
    const s = Math.floor(seconds);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const ss = String(s % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  }

  function report() {
    if (!media) return;
    const duration = Number.isFinite(media.duration) ? media.duration : undefined;
    const text = `${label(media.currentTime)}${duration !== undefined ? ` / ${label(duration)}` : ''}`;
    time.textContent = text;
    play.textContent = media.paused ? 'Play' : 'Pause';
    if (!seeking) seek.value = String(media.currentTime);
    vscode.postMessage({ type: 'state', sec: media.currentTime, playing: !media.paused && !media.ended, duration, label: text });
  }

  function show(/** @type {string} */ text, /** @type {string} */ kind) {
    message.textContent = text;
    message.className = `message ${kind}`;
    message.hidden = false;
    // Without media there is nothing to control: only the message and Choose Media File….
    document.body.classList.toggle('missing', kind === 'missing');
  }

  function setSkip(/** @type {number} */ seconds) {
    skip = seconds;
    back.textContent = `−${skip} s`;
    forward.textContent = `+${skip} s`;
    back.title = `Back ${skip} seconds`;
    forward.title = `Forward ${skip} seconds`;
  }

  function load(/** @type {{ src: string, name: string, video: boolean, skip: number, start: number }} */ m) {
    setSkip(m.skip);
    file.textContent = m.name;
    media = document.createElement(m.video ? 'video' : 'audio');
    media.preload = 'auto';
    media.playbackRate = Number(speed.value);
    for (const event of ['timeupdate', 'seeked', 'play', 'pause', 'ended', 'durationchange']) media.addEventListener(event, report);
    media.addEventListener('loadedmetadata', () => {
      seek.max = String(media?.duration ?? 0);
      seek.disabled = false;
      play.disabled = false;
      document.body.classList.add('loaded');
      // Paused at the item the cursor was on when the player opened (its seek reports the state).
      if (m.start > 0) jump(m.start);
      else report();
    });
    // A file the browser cannot decode (AAC in desktop VS Code, a broken file): the extension words the message.
    media.addEventListener('error', () => {
      document.body.classList.add('failed');
      play.disabled = true;
      vscode.postMessage({ type: 'error', code: media?.error?.code });
    });
    media.src = m.src;
    box.replaceChildren(media);
    // The waveform lane draws on this element (it never loads the file itself).
    document.dispatchEvent(new CustomEvent('transcripts-media', { detail: media }));
  }

  function toggle() {
    if (!media || play.disabled) return;
    if (media.paused) media.play().catch((e) => { if (e && e.name === 'NotAllowedError') vscode.postMessage({ type: 'blocked' }); });
    else media.pause();
  }

  function jump(/** @type {number} */ to) {
    if (!media || !Number.isFinite(to)) return;
    const end = Number.isFinite(media.duration) ? media.duration : to;
    media.currentTime = Math.max(0, Math.min(to, end));
  }

  play.addEventListener('click', toggle);
  back.addEventListener('click', () => media && jump(media.currentTime - skip));
  forward.addEventListener('click', () => media && jump(media.currentTime + skip));
  seek.addEventListener('input', () => { seeking = true; time.textContent = label(Number(seek.value)); });
  seek.addEventListener('change', () => { seeking = false; jump(Number(seek.value)); });
  speed.addEventListener('change', () => { if (media) media.playbackRate = Number(speed.value); });
  $('choose').addEventListener('click', () => vscode.postMessage({ type: 'choose' }));

  window.addEventListener('message', (event) => {
    const m = event.data;
    switch (m && m.type) {
      case 'load': load(m); break;
      case 'message': show(String(m.text), String(m.kind)); break;
      case 'seek': jump(Number(m.sec)); break;
      case 'skip': if (media) jump(media.currentTime + Number(m.by) * skip); break;
      case 'toggle': toggle(); break;
      case 'skipSeconds': setSkip(Number(m.skip)); break;
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
