import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  GraphQLField, GraphQLInputType, GraphQLOutputType, GraphQLSchema, buildSchema, getNamedType, isEnumType, isInputObjectType, isListType,
  isNonNullType, isObjectType, isAbstractType, isScalarType,
} from "graphql";

/**
 * The public schema as committed (schema/schema.graphql). The security cases are generated from it
 * when mocha loads the file, so a mutation or query another engineer adds is covered by the same
 * cases the day it is added; a test checks the file is what the code builds.
 */
export const publicSchema: GraphQLSchema = buildSchema(readFileSync(join(__dirname, "../../schema/schema.graphql"), "utf8"));

export function mutationFields(schema: GraphQLSchema = publicSchema): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {});
}

export function queryFields(schema: GraphQLSchema = publicSchema): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getQueryType()?.getFields() ?? {});
}

/** A valid-looking literal for an input type: every required field filled, optional ones left out. */
export function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type)}`).join(", ")} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "Int": return "1";
      case "Float": return "1.5";
      case "Boolean": return "false";
      case "DateTime": return '"2030-01-15"';
      default: return '"SEC-1"';
    }
  }
  throw new Error(`No literal for ${String(type)}`);
}

/** `{ __typename }` for object results, nothing for scalars and enums. */
export function selection(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  return isObjectType(named) || isAbstractType(named) ? " { __typename }" : "";
}

/** One field with its required arguments, as the only root field of a `kind` operation. */
export function documentFor(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${literal(a.type)}`).join(", ")})` : "";
  return `${kind} { ${field.name}${argText}${selection(field.type)} }`;
}
