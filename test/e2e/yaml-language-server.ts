import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A small Language Server Protocol client for yaml-language-server, enough to
 * see what an editor shows: JSON-RPC over the server's stdio (Content-Length
 * framed), initialize, settings, didOpen, publishDiagnostics, hover and
 * completion. Positions are 1-based here, as cjm's findings are.
 */

/** The servers the editor tests drive: a current one, and one from before draft 2020-12 support (1.20.0). */
export const SERVERS = {
  '2.0.0': 'yaml-language-server',
  '1.19.2': 'yaml-language-server-1-19',
} as const;
export type ServerVersion = keyof typeof SERVERS;

export interface EditorDiagnostic {
  line: number;
  column: number;
  message: string;
}

interface Message {
  id?: number;
  method?: string;
  params?: any;
  result?: any;
  error?: { message: string };
}

/** yaml-language-server publishes diagnostics once a document is validated; this long without a new batch means it is done. */
const QUIET_MS = 500;
const TIMEOUT_MS = 60_000;

export class YamlLanguageServer {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message) => void>();
  private readonly diagnostics = new Map<string, EditorDiagnostic[]>();
  private onDiagnostics: (() => void) | undefined;
  private stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly settings: Record<string, unknown>,
  ) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /**
   * Starts the pinned server of `version` with `yaml` settings (schemas by
   * glob, like an editor's `yaml.schemas`); the schema store stays off, as
   * nothing may be fetched from the network.
   */
  static async start(version: ServerVersion, yaml: Record<string, unknown> = {}): Promise<YamlLanguageServer> {
    // The clients are their own package (test/e2e/clients), installed by .ci/run: see its package.json.
    const root = new URL(`./clients/node_modules/${SERVERS[version]}/`, import.meta.url);
    const installed = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string }).version;
    if (installed !== version) throw new Error(`node_modules/${SERVERS[version]} is yaml-language-server ${installed}, not ${version}: run npm ci --prefix test/e2e/clients`);
    const child = spawn(process.execPath, [fileURLToPath(new URL('bin/yaml-language-server', root)), '--stdio'], { stdio: 'pipe' });
    const settings = { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, ...yaml } };
    const server = new YamlLanguageServer(child, settings);
    await server.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: {},
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
        },
      },
    });
    server.notify('initialized', {});
    server.notify('workspace/didChangeConfiguration', { settings });
    return server;
  }

  /** Opens the documents and waits until the server has published diagnostics for each and gone quiet. */
  async diagnose(documents: ReadonlyMap<string, string>): Promise<Map<string, EditorDiagnostic[]>> {
    const uris = [...documents.keys()];
    for (const uri of uris) this.diagnostics.delete(uri);
    const settled = new Promise<void>((resolve, reject) => {
      let quiet: NodeJS.Timeout | undefined;
      const deadline = setTimeout(() => {
        const missing = uris.filter((uri) => !this.diagnostics.has(uri));
        reject(new Error(`no diagnostics within ${TIMEOUT_MS} ms for ${missing.join(', ')}\n${this.stderr}`));
      }, TIMEOUT_MS);
      this.onDiagnostics = () => {
        clearTimeout(quiet);
        if (!uris.every((uri) => this.diagnostics.has(uri))) return;
        quiet = setTimeout(() => {
          clearTimeout(deadline);
          resolve();
        }, QUIET_MS);
      };
    });
    for (const [uri, text] of documents) this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await settled;
    this.onDiagnostics = undefined;
    return new Map(uris.map((uri) => [uri, this.diagnostics.get(uri)!]));
  }

  /** The hover text at a 1-based position of an open document. */
  async hover(uri: string, line: number, column: number): Promise<string> {
    const result = await this.request('textDocument/hover', { textDocument: { uri }, position: { line: line - 1, character: column - 1 } });
    const contents = result?.contents;
    return typeof contents === 'string' ? contents : Array.isArray(contents) ? contents.map((part) => part.value ?? part).join('\n') : (contents?.value ?? '');
  }

  /** The completion items at a 1-based position: label and documentation text. */
  async completion(uri: string, line: number, column: number): Promise<{ label: string; documentation: string }[]> {
    const result = await this.request('textDocument/completion', { textDocument: { uri }, position: { line: line - 1, character: column - 1 } });
    const items: any[] = Array.isArray(result) ? result : (result?.items ?? []);
    return items.map((item) => ({ label: item.label, documentation: typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '') }));
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request('shutdown', null);
    this.notify('exit', null);
    const timer = setTimeout(() => this.child.kill(), 5_000);
    await exited;
    clearTimeout(timer);
  }

  private request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) => (message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result)));
      this.send({ id, method, params });
    });
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined && message.id !== undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    } else if (message.id !== undefined) {
      // A request from the server: its settings, or capability registrations, which need only an answer.
      const result = message.method === 'workspace/configuration' ? message.params.items.map((item: { section?: string }) => (this.settings as any)[item.section ?? ''] ?? null) : null;
      this.send({ id: message.id, result });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const diagnostics = (message.params.diagnostics as any[]).map((diagnostic) => ({
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        message: diagnostic.message as string,
      }));
      this.diagnostics.set(message.params.uri, diagnostics);
      this.onDiagnostics?.();
    }
  }
}
