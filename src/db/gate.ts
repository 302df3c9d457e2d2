/**
 * At most `size` holders at once; the rest wait in arrival order, each at most its own time.
 * It bounds how much of this process's pool one kind of work may hold; it is no part of
 * correctness, which the database keeps.
 */
export class Gate {
  private inside = 0;
  private readonly waiting: { admit: () => void }[] = [];

  constructor(private readonly size: number) {}

  /** Resolves with a release function once admitted, or undefined after `waitMs` without a turn. */
  enter(waitMs: number): Promise<(() => void) | undefined> {
    if (this.inside < this.size) {
      this.inside++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      const entry = {
        admit: () => {
          clearTimeout(timer);
          resolve(this.releaser());
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        resolve(undefined);
      }, waitMs);
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The place passes straight to the next in line; otherwise it is free again.
      if (next) next.admit();
      else this.inside--;
    };
  }
}
