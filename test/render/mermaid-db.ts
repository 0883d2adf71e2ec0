/**
 * Reads back what Mermaid parsed, so tests can check that every label survives
 * (not only that the source parses). Uses parseMermaid first: it installs the
 * jsdom globals Mermaid needs before Mermaid is imported.
 */
import { decodeMermaidEntities } from '../../src/render/mermaid/escape.js';
import { parseMermaid } from '../helpers/mermaid-parse.js';

export interface ParsedDiagram {
  title?: string;
  sections: string[];
  tasks: { task: string; score: number; people: string[] }[];
  nodes: { id: string; text: string }[];
  edges: { start: string; end: string; text: string }[];
  subgraphs: { id: string; title: string }[];
  categories: string[];
  lines: { title: string; values: (number | null)[] }[];
}

interface MermaidInternals {
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: Record<string, (...args: unknown[]) => unknown> }> };
}

const decode = (text: unknown): string => decodeMermaidEntities(String(text ?? ''));

/** Parses with Mermaid and returns every label, decoded, as the drawn diagram shows it. Throws on a parse error. */
export async function readDiagram(source: string): Promise<ParsedDiagram> {
  const parsed = await parseMermaid(source);
  if (!parsed.ok) throw new Error(`Mermaid rejected the source: ${parsed.error}\n${source}`);
  const { default: mermaid } = (await import('mermaid')) as unknown as { default: MermaidInternals };
  const { db } = await mermaid.mermaidAPI.getDiagramFromText(source);
  const result: ParsedDiagram = { sections: [], tasks: [], nodes: [], edges: [], subgraphs: [], categories: [], lines: [] };
  if (db.getDiagramTitle) result.title = decode(db.getDiagramTitle());
  if (parsed.diagramType === 'journey') {
    result.sections = (db.getSections() as string[]).map(decode);
    result.tasks = (db.getTasks() as { task: string; score: number; people: string[] }[]).map((task) => ({
      task: decode(task.task),
      score: task.score,
      people: task.people.map(decode),
    }));
  } else if (parsed.diagramType.startsWith('flowchart')) {
    const vertices = db.getVertices() as Map<string, { id: string; text: string }>;
    result.nodes = [...vertices.values()].map((vertex) => ({ id: vertex.id, text: decode(vertex.text) }));
    result.edges = (db.getEdges() as { start: string; end: string; text: string }[]).map((edge) => ({ start: edge.start, end: edge.end, text: decode(edge.text) }));
    result.subgraphs = (db.getSubGraphs() as { id: string; title: string }[]).map((graph) => ({ id: graph.id, title: decode(graph.title) }));
  } else if (parsed.diagramType === 'xychart') {
    const data = db.getXYChartData() as { xAxis: { categories?: string[] }; plots: { title: string; data: [string, number | null][] }[] };
    result.categories = (data.xAxis.categories ?? []).map(decode);
    result.lines = data.plots.map((plot) => ({ title: decode(plot.title), values: plot.data.map(([, value]) => value) }));
  }
  return result;
}
