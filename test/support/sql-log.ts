import { AbstractLogger, LogLevel, LogMessage } from "typeorm";

/** A TypeORM logger that keeps every SQL statement, to prove that lookups are batched. */
export class SqlLog extends AbstractLogger {
  readonly statements: string[] = [];

  constructor() {
    super(["query"]);
  }

  protected writeLog(_level: LogLevel, message: LogMessage | LogMessage[]): void {
    for (const m of Array.isArray(message) ? message : [message]) if (m.type === "query") this.statements.push(String(m.message));
  }

  /** What `work` answered, and the statements run while it ran. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const start = this.statements.length;
    const result = await work();
    return { result, statements: this.statements.slice(start) };
  }
}
