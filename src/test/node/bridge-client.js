// End-to-end client for LiveModel's SockJS event-bus bridge, run by BridgeNodeClientTest.
// Usage: node bridge-client.js <base-url> <Model> [<sockjs transport>]
// Prints JSON lines: {"event":"registered"} once the registration is in place, then
// {"event":"change","change":<change object>,"seq":"<seq header>"} for the first change, and exits 0.
// Any error prints {"event":"error",...} and exits 1; nothing within 30 s exits 2.
'use strict';
const EventBus = require('@vertx/eventbus-bridge-client.js');

const [base, model, transport] = process.argv.slice(2);
if (!base || !model) {
  console.error('usage: node bridge-client.js <base-url> <Model>');
  process.exit(64);
}
const print = (obj) => console.log(JSON.stringify(obj));
const fail = (what) => {
  print({ event: 'error', error: what });
  process.exit(1);
};
setTimeout(() => {
  print({ event: 'timeout' });
  process.exit(2);
}, 30000).unref();

// A transport given restricts SockJS to it (websocket, xhr-streaming, xhr-polling, ...).
const eb = new EventBus(base.replace(/\/$/, '') + '/eventbus', transport ? { transports: [transport] } : {});
let registered = false;

eb.onerror = (err) => {
  // The barrier below: the bridge handles a connection's frames in order, so the refusal of a
  // publish sent after the registration means the registration is in place.
  if (!registered && err.body === 'access_denied' && err.address === 'livemodel.barrier') {
    registered = true;
    print({ event: 'registered' });
  } else {
    fail(err);
  }
};

eb.onopen = () => {
  eb.registerHandler('changes.' + model, (err, msg) => {
    if (err) {
      fail(err);
    }
    print({ event: 'change', change: msg.body, seq: msg.headers && msg.headers.seq });
    eb.close();
    process.exit(0);
  });
  eb.publish('livemodel.barrier', null);
};
