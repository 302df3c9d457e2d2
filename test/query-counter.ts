import { AbstractLogger, LogLevel, LogMessage } from "typeorm";

/** A TypeORM logger that records every SQL statement, to prove that lookups are batched. */
export class QueryCounter extends AbstractLogger {
  readonly queries: string[] = [];

  constructor() {
    super(["query"]);
  }

  protected writeLog(_level: LogLevel, message: LogMessage | LogMessage[]): void {
    for (const m of Array.isArray(message) ? message : [message]) if (m.type === "query") this.queries.push(String(m.message));
  }

  /** Counts the statements run while `work` runs. */
  async during(work: () => Promise<unknown>): Promise<string[]> {
    const start = this.queries.length;
    await work();
    return this.queries.slice(start);
  }
}
