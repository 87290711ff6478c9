import { strict as assert } from 'node:assert';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection, PublishDiagnosticsParams, ProtocolConnection, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';

/** A real LSP client over stdio to the built server binary, recording what the server pushes. */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly logs: string[] = [];
  /** Every window/logMessage with its type (1 error, 2 warning, 3 info, 4 log). */
  readonly logEntries: { type: number; message: string }[] = [];
  /** What the server wrote to stderr (read so the pipe never fills up). */
  readonly stderr: string[] = [];
  /** How many publishDiagnostics notifications arrived (never reset). */
  publishedCount = 0;
  settings: Record<string, unknown> = {};
  private readonly diagnostics: PublishDiagnosticsParams[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly child: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.push(params);
      this.publishedCount++;
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((w) => w());
    });
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logs.push(params.message);
      this.logEntries.push({ type: params.type, message: params.message });
    });
    child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'transcripts' ? this.settings : null)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  /** `initialize` adds to (or replaces) the initialize params' top-level fields, e.g. more capabilities or workspace folders. */
  static async start(entry = 'out/server/src/main.js', initialize: Record<string, unknown> = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [path.join(ROOT, entry), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new TestClient(child);
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      ...initialize,
    });
    client.connection.sendNotification('initialized', {});
    return client;
  }

  /** The diagnostics of a document once they arrive for that version (or any, when none is given). */
  async diagnosticsFor(uri: string, version?: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...this.diagnostics].reverse().find((d) => d.uri === uri && (version === undefined || d.version === version));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** Every publish for a document so far (since the last clearDiagnostics), in the order they arrived. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.filter((d) => d.uri === uri);
  }

  /** Waits until `count` publishes for the document have arrived; all of them. */
  async publishesFor(uri: string, count: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.publishedFor(uri).length < count) {
      if (Date.now() > deadline) throw new Error(`${this.publishedFor(uri).length} publishes for ${uri}, not ${count}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.publishedFor(uri);
  }

  clearDiagnostics(): void {
    this.diagnostics.length = 0;
  }

  open(uri: string, text: string, version = 1): void {
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  /** Stops the server and checks it went cleanly: exit code 0, and no logged message matching `failures`. */
  async stopCleanly(failures = /failed/): Promise<void> {
    assert.equal(await this.stop(), 0);
    assert.deepEqual(this.logs.filter((l) => failures.test(l)), []);
  }
}

/** Writes `files` (paths relative to `root`) for a test workspace, folders included. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}
