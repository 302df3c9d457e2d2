import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { DateTimeResolver } from "graphql-scalars";

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(value: unknown): Date {
  if (typeof value === "string") {
    const day = DATE_ONLY.exec(value);
    if (day) {
      const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
      if (date.getUTCDate() === Number(day[3])) return date;
    } else {
      try {
        return DateTimeResolver.parseValue(value) as Date;
      } catch {
        // fall through to the error below
      }
    }
  }
  throw new GraphQLError(`DateTime must be an ISO-8601 date ("2027-01-15") or date-time ("2027-01-15T00:00:00Z"); got ${JSON.stringify(value)}`, {
    extensions: { code: "BAD_USER_INPUT" },
  });
}

/**
 * ISO-8601 in UTC. A date without a time means midnight UTC of that day; date-times are
 * checked by graphql-scalars' RFC 3339 parser.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: 'ISO-8601 in UTC, e.g. "2027-01-15T00:00:00.000Z"; a date given without a time means midnight UTC of that day',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("DateTime must be a string", { extensions: { code: "BAD_USER_INPUT" } });
    return parse(ast.value);
  },
});
