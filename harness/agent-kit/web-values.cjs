'use strict';
// The web platform's values as they travel over the agent protocol, so that
// the receiver gets objects of its own globals (`res instanceof Response`
// holds, undici accepts the signal): URL, Headers, ReadableStream (pulled
// from the sender chunk by chunk through a handle), Request, Response and
// AbortSignal (which follows the sender's signal). Hosts without these
// globals (the Node of old Electrons) never meet them, so every use is guarded.

function has(name) {
  return typeof global[name] === 'function';
}

function headerList(headers) {
  var list = [];
  headers.forEach(function (value, name) {
    list.push([name, value]);
  });
  return list;
}

/** A tagged value for `value` if it is one of these types, else undefined. `peer` encodes the parts. */
function encodeWeb(value, peer, stack) {
  if (has('URL') && value instanceof URL) return { $: 'url', href: value.href };
  if (has('Headers') && value instanceof Headers) return { $: 'headers', v: headerList(value) };
  if (has('ReadableStream') && value instanceof ReadableStream) return { $: 'stream', ref: peer.refOf(value, 'object') };
  if (has('AbortSignal') && value instanceof AbortSignal) {
    return {
      $: 'signal',
      aborted: value.aborted,
      reason: peer.encodeValue(value.reason, stack),
      ref: peer.refOf(value, 'object'),
    };
  }
  if (has('Request') && value instanceof Request) {
    var request = {
      $: 'request',
      url: value.url,
      method: value.method,
      headers: headerList(value.headers),
      body: value.body ? encodeWeb(value.body, peer, stack) : null,
      redirect: value.redirect,
      credentials: value.credentials,
      cache: value.cache,
      mode: value.mode,
      referrer: value.referrer,
      referrerPolicy: value.referrerPolicy,
      integrity: value.integrity,
      keepalive: value.keepalive,
    };
    if (value.signal) request.signal = encodeWeb(value.signal, peer, stack);
    return request;
  }
  if (has('Response') && value instanceof Response) {
    return {
      $: 'response',
      status: value.status,
      statusText: value.statusText,
      headers: headerList(value.headers),
      url: value.url,
      redirected: value.redirected,
      type: value.type,
      body: value.body ? encodeWeb(value.body, peer, stack) : null,
    };
  }
  return undefined;
}

/** A local ReadableStream that pulls from the other side's stream. */
function pulledStream(remote) {
  var reader = null;
  return new ReadableStream({
    pull: function (controller) {
      reader = reader || remote.getReader();
      return reader.read().then(function (chunk) {
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      });
    },
    cancel: function (reason) {
      return (reader || remote).cancel(reason);
    },
  });
}

/** A local AbortSignal that is aborted when (or if already) the other side's is. */
function followedSignal(value, peer) {
  var controller = new AbortController();
  var remote = peer.decode(value.ref);
  if (value.aborted) controller.abort(peer.decode(value.reason));
  else {
    remote.addEventListener('abort', function () {
      controller.abort(remote.reason);
    });
  }
  return controller.signal;
}

/** Defines read-only own properties that a constructed Response cannot set (url, redirected, type). */
function shadow(object, values) {
  Object.keys(values).forEach(function (key) {
    Object.defineProperty(object, key, { value: values[key], enumerable: false, configurable: true });
  });
  return object;
}

var DECODERS = {
  url: function (value) {
    return new URL(value.href);
  },
  headers: function (value) {
    return new Headers(value.v);
  },
  stream: function (value, peer) {
    return pulledStream(peer.decode(value.ref));
  },
  signal: followedSignal,
  request: function (value, peer) {
    var init = {
      method: value.method,
      headers: value.headers,
      redirect: value.redirect,
      credentials: value.credentials,
      cache: value.cache,
      mode: value.mode === 'navigate' ? 'same-origin' : value.mode,
      referrerPolicy: value.referrerPolicy,
      integrity: value.integrity,
      keepalive: value.keepalive,
    };
    if (value.referrer && value.referrer !== 'about:client') init.referrer = value.referrer;
    if (value.body) {
      init.body = peer.decode(value.body);
      init.duplex = 'half';
    }
    if (value.signal) init.signal = peer.decode(value.signal);
    return new Request(value.url, init);
  },
  response: function (value, peer) {
    if (value.type === 'error') return Response.error();
    var body = value.body ? peer.decode(value.body) : null;
    var response = new Response(body, { status: value.status, statusText: value.statusText, headers: value.headers });
    return shadow(response, { url: value.url, redirected: value.redirected, type: value.type });
  },
};

/** The global each tag needs on the receiving side. */
var GLOBAL_OF = {
  url: 'URL',
  headers: 'Headers',
  stream: 'ReadableStream',
  signal: 'AbortController',
  request: 'Request',
  response: 'Response',
};

function decodeWeb(value, peer) {
  var decoder = DECODERS[value.$];
  if (!decoder) return undefined;
  if (!has(GLOBAL_OF[value.$])) throw new Error('this JavaScript host has no ' + GLOBAL_OF[value.$]);
  return decoder(value, peer);
}

module.exports = { encodeWeb: encodeWeb, decodeWeb: decodeWeb, WEB_TAGS: Object.keys(DECODERS) };
