import { AbstractLogger, LogLevel, LogMessage } from "typeorm";

/** One statement as it was sent: its text and its bound parameters. */
export interface LoggedQuery {
  sql: string;
  parameters: unknown[];
}

/** A TypeORM logger that keeps every SQL statement, to prove that lookups are batched and to EXPLAIN what ran. */
export class SqlLog extends AbstractLogger {
  readonly statements: string[] = [];
  readonly queries: LoggedQuery[] = [];

  constructor() {
    super(["query"]);
  }

  protected writeLog(_level: LogLevel, message: LogMessage | LogMessage[]): void {
    for (const m of Array.isArray(message) ? message : [message]) {
      if (m.type !== "query") continue;
      this.statements.push(String(m.message));
      this.queries.push({ sql: String(m.message), parameters: [...(m.parameters ?? [])] });
    }
  }

  /** What `work` answered, and the statements run while it ran. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[]; queries: LoggedQuery[] }> {
    const start = this.statements.length;
    const result = await work();
    return { result, statements: this.statements.slice(start), queries: this.queries.slice(start) };
  }
}
