vcl 4.1;
# The cache in front of the storefront's promise lookups (README "Storefront at internet scale").
# It keeps only anonymous GET lookups that the service itself marked public, tags each answer with
# the SKUs it names (the xkey header the service sends), and drops answers by tag when the purge
# worker sends  PURGE  with the header  xkey-purge: <tag> <tag> ...  from an allowed address.
# npm run edge copies this file with the backend's port filled in; in production set the backend
# and the purgers ACL to your servers and purge workers.

import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "4000";
}

# Who may purge: the machines the purge workers run on.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from this address"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "PURGE needs an xkey-purge header naming the tags"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    # Only the storefront's anonymous lookups: GET /graphql?query=... with Apollo's CSRF
    # preflight header. A key or a cookie means a person's request: never served from or stored in the cache.
    if (req.method != "GET" || req.url !~ "^/graphql\?" || req.http.Authorization || req.http.Cookie || !req.http.apollo-require-preflight) {
        return (pass);
    }
    return (hash);
}

sub vcl_backend_response {
    # Keep only what the service marked public for shared caches and tagged: a 200 with
    # Cache-Control public and an xkey header. Errors, no-store and private answers are never kept.
    if (beresp.status != 200 || beresp.http.Cache-Control !~ "(^|,)\s*public(\s*,|$)" || !beresp.http.xkey || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # The lifetime is the answer's s-maxage (Varnish reads it); purges end it early. No grace:
    # an expired answer is fetched again, never served stale.
    set beresp.grace = 0s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The tags are for this cache only. Age is left out: the answer is as fresh as the last
    # purge, and an Age past the browsers' short max-age would make them refetch at once.
    unset resp.http.xkey;
    unset resp.http.Age;
}
