import { ApolloClient, HttpLink, InMemoryCache, TypedDocumentNode } from "@apollo/client";
import { expect } from "chai";
import { parse } from "graphql";
import { inDays } from "../support/clock";
import { PROMISE, PROMISES } from "../support/documents";
import type { TypedDocumentString } from "../support/graphql/graphql";
import { products, purchaseOrder } from "../support/scenario";
import { TestServer, startTestServer } from "../support/server";

const doc = <R, V>(document: TypedDocumentString<R, V>): TypedDocumentNode<R, V> => parse(document.toString()) as TypedDocumentNode<R, V>;

/**
 * The storefront's own client: Apollo Client 4 without a key, as a product page runs it (GET with
 * the CSRF preflight header, so a CDN can keep the answer, or POST), with the codegen documents and
 * their fragment. Its requests (with the `__typename` it adds everywhere) are answered by the
 * storefront plans, and it reads them as it reads the general path's.
 */
describe("A real storefront client (Apollo Client, no key) on the compiled lookups", () => {
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
    await products(api, { sku: "PRE", name: "Pre" }, { sku: "STOCK", name: "Stock", inventoryAvailable: 2 });
    await purchaseOrder(api, "PO-1", [{ sku: "PRE", quantity: 4, bufferDays: 3, arrivalDate: inDays(10) }], { status: "APPROVED" });
  });
  after(() => api.close());

  const client = (useGETForQueries: boolean) => new ApolloClient({
    cache: new InMemoryCache(),
    link: new HttpLink({ uri: api.url, useGETForQueries, headers: useGETForQueries ? { "apollo-require-preflight": "true" } : {} }),
  });

  for (const useGETForQueries of [true, false]) {
    it(`reads productPromise and productPromises over ${useGETForQueries ? "GET" : "POST"}, answered by the plans, and keeps them in its cache`, async () => {
      const storefront = client(useGETForQueries);
      const before = api.app.storefrontAnswers();
      const one = await storefront.query({ query: doc(PROMISE), variables: { sku: "PRE" } });
      expect(one.data?.productPromise).to.deep.equal({
        __typename: "ProductPromise", sku: "PRE", status: "PRE_ORDER", availableToPromise: 4, promiseDate: inDays(13), purchaseOrderId: "PO-1", inventoryAvailable: 0, quantity: 1,
      });
      const page = await storefront.query({ query: doc(PROMISES), variables: { skus: ["STOCK", "NOPE", "PRE"], quantity: 2 } });
      expect(page.data?.productPromises.map((p) => p && [p.sku, p.status, p.quantity])).to.deep.equal([["STOCK", "IN_STOCK", 2], null, ["PRE", "PRE_ORDER", 2]]);
      expect(api.app.storefrontAnswers() - before, "both answered by the plans").to.equal(2);
      // The same query again comes from the client's cache: no request.
      await storefront.query({ query: doc(PROMISE), variables: { sku: "PRE" } });
      expect(api.app.storefrontAnswers() - before).to.equal(2);
    });
  }
});
