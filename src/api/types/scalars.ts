import { GraphQLError, GraphQLScalarType, Kind, print } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { DAY_RANGE, isoDay, parseIsoDay } from "../../domain";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date-time of a year in DAY_RANGE (UTC), or a day written YYYY-MM-DD (midnight UTC); never rolled over. */
function parse(value: unknown): Date {
  if (typeof value === "string") {
    if (DATE_ONLY.test(value)) {
      const day = parseIsoDay(value);
      if (day) return day;
    } else {
      try {
        const instant = DateTimeResolver.parseValue(value) as Date;
        const year = instant.getUTCFullYear();
        if (year >= DAY_RANGE.minYear && year <= DAY_RANGE.maxYear) return instant;
      } catch {
        // fall through to the error below
      }
    }
  }
  throw new GraphQLError(`DateTime must be an ISO-8601 date ("2027-01-15") or date-time ("2027-01-15T00:00:00Z") of a real day ` +
    `in the years ${DAY_RANGE.minYear} to ${DAY_RANGE.maxYear}; got ${JSON.stringify(value)}`, {
    extensions: { code: "BAD_USER_INPUT" },
  });
}

/**
 * ISO-8601 in UTC. A date without a time means midnight UTC of that day; date-times are
 * checked by graphql-scalars' RFC 3339 parser.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: 'ISO-8601 in UTC, e.g. "2027-01-15T00:00:00.000Z"; a date given without a time means midnight UTC of that day. ' +
    "Input must be a real instant or day of a year from 2000 to 2199 (UTC); anything else is BAD_USER_INPUT, never rolled over.",
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("DateTime must be a string", { extensions: { code: "BAD_USER_INPUT" } });
    return parse(ast.value);
  },
});

const DAY_MESSAGE = 'Date must be a calendar day written "YYYY-MM-DD" (e.g. "2027-01-15"), a real day of a year from 2000 to 2199';

function parseDay(value: unknown): Date {
  const day = typeof value === "string" ? parseIsoDay(value) : null;
  if (day) return day;
  throw new GraphQLError(`${DAY_MESSAGE}; got ${JSON.stringify(value)}`, { extensions: { code: "BAD_USER_INPUT" } });
}

/**
 * A calendar day (docs/domain.md#calendar-days-and-instants): "2027-01-15", no time, no zone, so a
 * storefront anywhere shows the day it was given. Inside the service a day is a Date at 00:00 UTC.
 */
export const DateScalar = new GraphQLScalarType<Date, string>({
  name: "Date",
  description: 'A calendar day, e.g. "2027-01-15": no time and no time zone, so show it as it is (never convert it to local time). ' +
    "Used for arrival and promise dates. Input must be a real day of a year from 2000 to 2199 written YYYY-MM-DD; anything else is BAD_USER_INPUT.",
  specifiedByURL: "https://www.rfc-editor.org/rfc/rfc3339#section-5.6",
  serialize: (value) => {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new GraphQLError("A calendar day was not a valid date");
    return isoDay(value);
  },
  parseValue: parseDay,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parseDay(ast.value);
    throw new GraphQLError(`${DAY_MESSAGE}, in quotes; got ${print(ast)}`, { extensions: { code: "BAD_USER_INPUT" } });
  },
});
