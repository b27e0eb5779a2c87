/**
 * GraphQL documents by query text: parsed and validated once (with exactly Apollo's rules and token limit), and
 * compiled with graphql-jit from their second use on. Why: the fast path (http/fast-graphql.ts) answers repeated
 * queries without parsing, validating or interpreting them again; compiling only on reuse keeps one-off queries from
 * paying the compiler's few milliseconds. Bounded LRU by entries and by characters of query text.
 */
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import {
  getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule,
} from "graphql";

export interface PreparedOperation {
  operation: OperationDefinitionNode;
  /** How often it was asked for; compiled on the second. */
  uses: number;
  /** undefined: not compiled yet; null: graphql-jit declined (graphql-js executes it). */
  compiled: CompiledQuery | null | undefined;
}

export interface PreparedDocument {
  document: DocumentNode;
  /** By operation name ("\u0000" when none is given); null when the name selects no operation. */
  operations: Map<string, PreparedOperation | null>;
}

/** Uses before a document is compiled. */
const COMPILE_ON_USE = 2;

export class PreparedDocuments {
  /** Query text → document, or null when it does not parse or validate (Apollo answers those with their errors). */
  private readonly map = new Map<string, PreparedDocument | null>();
  private chars = 0;
  /** Operations compiled so far (tests check the benchmark query is). */
  compiledCount = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
    private readonly maxTokens: number,
    private readonly maxEntries = 500,
    private readonly maxChars = 1_000_000,
  ) {}

  get(query: string): PreparedDocument | null {
    const hit = this.map.get(query);
    if (hit !== undefined) {
      this.map.delete(query);
      this.map.set(query, hit);
      return hit;
    }
    const prepared = this.prepare(query);
    if (query.length <= this.maxChars / 10) {
      this.map.set(query, prepared);
      this.chars += query.length;
      while (this.map.size > this.maxEntries || this.chars > this.maxChars) {
        const oldest = this.map.keys().next().value as string;
        this.map.delete(oldest);
        this.chars -= oldest.length;
      }
    }
    return prepared;
  }

  private prepare(query: string): PreparedDocument | null {
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.maxTokens });
    } catch {
      return null;
    }
    const errors = validate(this.schema, document, [...specifiedRules, ...this.rules]);
    return errors.length === 0 ? { document, operations: new Map() } : null;
  }

  /** The operation a request names (or the only one), as graphql-js and Apollo pick it. */
  operation(doc: PreparedDocument, operationName: string | undefined): PreparedOperation | null {
    const key = operationName === undefined ? "\u0000" : operationName;
    let op = doc.operations.get(key);
    if (op === undefined) {
      const found = getOperationAST(doc.document, operationName);
      op = found ? { operation: found, uses: 0, compiled: undefined } : null;
      doc.operations.set(key, op);
    }
    return op;
  }

  /** The compiled query from the operation's second use on; undefined means "interpret it with graphql-js". */
  compiled(doc: PreparedDocument, op: PreparedOperation, operationName: string | undefined): CompiledQuery | undefined {
    op.uses += 1;
    if (op.compiled === undefined && op.uses >= COMPILE_ON_USE) {
      try {
        // Not `customJSONSerializer`: graphql-jit cannot describe custom scalars (Date, GeoJSON) in JSON schema.
        const compiled = compileQuery(this.schema, doc.document, operationName);
        op.compiled = isCompiledQuery(compiled) ? compiled : null;
        if (op.compiled) this.compiledCount += 1;
      } catch {
        op.compiled = null;
      }
    }
    return op.compiled ?? undefined;
  }

  get size(): number {
    return this.map.size;
  }
}
