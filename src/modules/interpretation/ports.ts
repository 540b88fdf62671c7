import type { Concern } from './domain/concern.ts';
import type { ChartData, ChartType } from './domain/chart-data.ts';
import type { ContentBlock } from './domain/content.ts';
import type { InterpretationKind } from './domain/kinds.ts';

/** A chart of a graphic interpretation, as its author described it. */
export type ChartSpec = {
  type: Exclude<ChartType, 'table'>;
  title: string;
  /** The unit of the values (人, 万元, %), shown on the value axis and in the table's header. */
  unit: string;
  /** What the chart shows, in words: the text alternative of the picture. */
  description: string;
  data: ChartData;
};

/**
 * Draws a chart as an SVG document on the server, so a visitor without JavaScript sees it; the page
 * gives it its text alternative and the data as a table.
 */
export interface ChartRenderer {
  svg(chart: ChartSpec): Promise<string>;
}

/** What an interpretation's edition holds besides the document's own content. */
export type InterpretationEdition = {
  editionId: string;
  documentId: string;
  kind: InterpretationKind;
  blocks: ContentBlock[];
  /** The policy documents it interprets, in order. */
  policyDocumentIds: string[];
  savedAt: string;
};

/** A published interpretation as a policy's page lists it. */
export type PublishedInterpretation = {
  documentId: string;
  editionId: string;
  title: string;
  kind: InterpretationKind;
  publishedOn: string;
};

/** Interpretations' own records, kept in the same transaction as their editions. */
export interface InterpretationStore {
  /** Inserts or replaces the record of an edition, links included. */
  save(record: InterpretationEdition): Promise<void>;
  forEdition(editionId: string): Promise<InterpretationEdition | undefined>;
  /** Interpretations whose published edition interprets this document, newest first. */
  publishedFor(policyDocumentId: string): Promise<PublishedInterpretation[]>;
  /**
   * Published interpretations, newest first, of units among `orgIds` (every unit when null) and of
   * one kind if given: the 政策解读 list of the column. `total` counts them all.
   */
  publishedList(filter: {
    orgIds: readonly string[] | null;
    kind?: InterpretationKind | undefined;
    offset: number;
    limit: number;
  }): Promise<{ items: (PublishedInterpretation & { orgId: string })[]; total: number }>;
  /**
   * For the coverage indicator: the published normative documents in force of these units, and
   * which of them a published graphic interpretation interprets, with its publication date.
   */
  coverageFacts(orgIds: readonly string[]): Promise<{
    documents: { documentId: string; orgId: string; title: string; publishedOn: string }[];
    interpreted: { policyDocumentId: string; publishedOn: string }[];
  }>;
}

/** What a response's edition holds besides the document's content (回应关切). */
export type ConcernResponseRecord = {
  editionId: string;
  documentId: string;
  concernId: string;
  /** Published documents and interpretations the response points to, in order. */
  linkedDocumentIds: string[];
  savedAt: string;
};

/** One edition of a response, as a concern's timeline shows it. */
export type ConcernResponseEdition = ConcernResponseRecord & {
  state: string;
  title: string;
  bodyHtml: string;
  publishedAt: string | null;
  updatedAt: string;
};

/** A concern with the times of its published responses. */
export type ConcernSummary = {
  concern: Concern;
  firstResponseAt: string | null;
  lastResponseAt: string | null;
  publishedResponses: number;
};

/** Concerns and their responses' records, kept in the same transaction as the responses' editions. */
export interface ConcernStore {
  insert(concern: Concern): Promise<void>;
  get(id: string): Promise<Concern | undefined>;
  /**
   * Concerns of these units (every unit when null), the latest response or report first, at most
   * `limit`; `publishedOnly` keeps those with a published response (the public list).
   */
  list(options: { orgIds: readonly string[] | null; publishedOnly: boolean; limit: number }): Promise<ConcernSummary[]>;
  /** Inserts or replaces the record of a response's edition. */
  saveResponse(record: ConcernResponseRecord): Promise<void>;
  responseForEdition(editionId: string): Promise<ConcernResponseRecord | undefined>;
  /** Every edition of every response to a concern, in the order they were published or last changed. */
  responsesOf(concernId: string): Promise<ConcernResponseEdition[]>;
}

/**
 * Turns an SVG document into a PNG, for the new-media outputs (plan §三.5): the long poster, and
 * charts in the article bundle, since WeChat articles take no inline SVG. Chinese text is drawn with
 * a CJK font installed on the server. Drawing a long poster takes seconds, so it happens off the
 * request thread.
 */
export interface SvgRasteriser {
  /**
   * The picture as PNG on a white background, `width` pixels wide (the drawing's own width when
   * none is given), its height in proportion.
   * @throws DomainError `font_missing` when the server has no CJK font to draw Chinese with.
   */
  png(svg: string, options?: { width?: number }): Promise<Buffer>;
}

/**
 * Reads a spreadsheet's worksheets as rows of text cells (an XLSX adapter answers); undefined when
 * the bytes are not an .xlsx file. A chart's data may be uploaded as a workbook instead of pasted.
 */
export interface SpreadsheetReader {
  read(bytes: Buffer): Promise<{ name: string; rows: string[][] }[] | undefined>;
}
