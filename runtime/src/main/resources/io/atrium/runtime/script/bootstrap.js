// Evaluated once in each sandbox context. It receives the SDK's host objects, keeps them in this
// closure only (no global names them), and answers the sandbox's linker: define() registers a
// compiled module, call() runs an exported function. Values cross to the host as JSON text.
(function (hosts, names) {
  'use strict';
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const freeze = Object.freeze;

  class AtriumError extends Error {
    constructor(code, message, field) {
      super(message);
      this.name = 'AtriumError';
      this.code = String(code);
      this.field = field == null ? null : String(field);
    }
  }

  class Refusal extends Error {
    constructor(field, message) {
      super(message);
      this.name = 'Refusal';
      this.field = String(field);
    }
  }
  freeze(AtriumError.prototype);
  freeze(AtriumError);
  freeze(Refusal.prototype);
  freeze(Refusal);

  const encode = (value) => (value === undefined ? 'null' : stringify(value));
  const answer = (text) => {
    const result = parse(text);
    if (result.error) {
      throw new AtriumError(result.error.code, result.error.message, result.error.field);
    }
    return result.value;
  };
  // members: each host method with its number of arguments. Optional arguments left out are
  // passed as null, as the typings promise; extra ones are dropped.
  const api = (host, members) => freeze(Object.fromEntries(Object.entries(members).map(
    ([member, arity]) => [member, (...args) => {
      const given = args.slice(0, arity).map(encode);
      while (given.length < arity) {
        given.push('null');
      }
      return answer(host[member](...given));
    }])));

  const deepFreeze = (value) => {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
      freeze(value);
      Object.values(value).forEach(deepFreeze);
    }
    return value;
  };

  let context = null;
  const sdk = {
    items: api(hosts.items, names.items),
    users: api(hosts.users, names.users),
    notifications: api(hosts.notifications, names.notifications),
    processes: api(hosts.processes, names.processes),
    sessions: api(hosts.sessions, names.sessions),
    http: freeze({
      fetch(url, init) {
        const response = answer(hosts.http.fetch(encode(url), encode(init)));
        const text = response.text;
        return freeze({
          status: response.status,
          ok: response.status >= 200 && response.status < 300,
          headers: freeze(response.headers),
          text: text,
          json: () => parse(text),
        });
      },
    }),
    log: freeze({
      info: (message) => { hosts.log.info(String(message)); },
      warn: (message) => { hosts.log.warn(String(message)); },
      error: (message) => { hosts.log.error(String(message)); },
    }),
    AtriumError: AtriumError,
    Refusal: Refusal,
    refuse(field, message) {
      throw new Refusal(field, message);
    },
  };
  Object.defineProperty(sdk, 'context', {
    enumerable: true,
    get: () => context || (context = deepFreeze(parse(hosts.context.current()))),
  });
  freeze(sdk);

  // The shell's helpers write to the discarded standard streams; scripts log through the SDK,
  // and console.* goes there too.
  for (const name of ['print', 'printErr', 'quit', 'exit', 'load', 'loadWithNewGlobal', 'read', 'readFile',
    'readline', 'readbuffer']) {
    delete globalThis[name];
  }
  const line = (values) => values.map((v) => (typeof v === 'string' ? v : stringify(v))).join(' ');
  Object.defineProperty(globalThis, 'console', {
    value: freeze({
      log: (...values) => sdk.log.info(line(values)),
      info: (...values) => sdk.log.info(line(values)),
      debug: (...values) => sdk.log.info(line(values)),
      warn: (...values) => sdk.log.warn(line(values)),
      error: (...values) => sdk.log.error(line(values)),
    }),
    writable: false,
    configurable: false,
  });

  const factories = new Map();
  const modules = new Map();

  function load(code) {
    if (modules.has(code)) {
      return modules.get(code).exports;
    }
    const factory = factories.get(code);
    if (!factory) {
      throw new AtriumError('import', 'No module \'' + code + '\' in this workspace', null);
    }
    const module = { exports: {} };
    modules.set(code, module);
    factory.call(undefined, module.exports, require, module);
    return module.exports;
  }

  function require(name) {
    if (name === 'atrium') {
      return sdk;
    }
    if (typeof name === 'string' && name.startsWith('./')) {
      return load(name.substring(2));
    }
    throw new AtriumError('import', 'A module imports only \'atrium\' and modules of its workspace', null);
  }

  function describe(error) {
    if (error instanceof Refusal) {
      return { refusal: { field: error.field, message: String(error.message) } };
    }
    if (error instanceof AtriumError) {
      return { error: { name: error.name, code: error.code, field: error.field, message: String(error.message),
        stack: String(error.stack || '') } };
    }
    if (error instanceof Error) {
      return { error: { name: error.name, message: String(error.message), stack: String(error.stack || '') } };
    }
    return { error: { name: 'Error', message: 'The script threw ' + stringify(error) } };
  }

  // each module's exported functions, found once per context: the modules do not change in it
  const functions = new Map();
  function exportedFunction(code, name) {
    const key = code + '#' + name;
    let fn = functions.get(key);
    if (fn === undefined) {
      const exported = load(code);
      const found = exported[name];
      fn = typeof found === 'function' && Object.prototype.hasOwnProperty.call(exported, name) ? found : null;
      functions.set(key, fn);
    }
    return fn;
  }

  function settle(value) {
    const text = stringify(value);
    return { value: text === undefined ? 'null' : text };
  }

  return freeze({
    define(code, factory) {
      factories.set(code, factory);
      modules.delete(code);
      functions.clear();
    },
    call(code, name, input) {
      context = null;
      let returned;
      try {
        const fn = exportedFunction(code, name);
        if (fn === null) {
          return { error: { name: 'AtriumError', code: 'no-function',
            message: 'The module exports no function \'' + name + '\'' } };
        }
        returned = fn(parse(input));
      } catch (e) {
        return describe(e);
      }
      if (returned && typeof returned.then === 'function') {
        const outcome = { pending: true };
        returned.then((value) => {
          try {
            Object.assign(outcome, settle(value));
          } catch (e) {
            Object.assign(outcome, describe(e));
          }
          outcome.pending = false;
        }, (e) => {
          Object.assign(outcome, describe(e));
          outcome.pending = false;
        });
        return outcome;
      }
      // a plain result crosses as its JSON text alone; refusals, errors and promises as objects
      try {
        const text = stringify(returned);
        return text === undefined ? 'null' : text;
      } catch (e) {
        return describe(e);
      }
    },
  });
})
