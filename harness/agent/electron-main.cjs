'use strict';
// The Electron agent: `electron harness/agent/electron-main.cjs`, started by
// `--adapter "remote:electron harness/agent/electron-main.cjs"`. It serves
// `require('electron')` of the Electron it runs in over the agent protocol,
// with a driver built on hidden BrowserWindows. One app per process, so the
// runner launches it per target and relaunches it to restart. ES2015 and
// Node's core only: it must run inside every era's Electron (Node 6 for the
// legacy era). `.cjs` because Electron >= 28 reads `.js` here as ESM.
//
// Any module with Electron's shape can be served the same way; such a module
// may describe itself in a `conformance` property ({ name, version, eras,
// capabilities, driver }), as the reference stand-in does.

var electron = require('electron');
var agent = require('../agent-kit/agent.cjs');

var app = electron.app;
var launch = agent.launchOptions();
var described = electron.conformance || null;
var version = process.versions.electron || (described && described.version) || '0.0.0';

/**
 * Registers the launch's privileged schemes as an app's main script does:
 * protocol.registerSchemesAsPrivileged (Electron 5+), or Electron 1.x's
 * registerStandardSchemes, which takes standard schemes only, all secure or none.
 */
function registerSchemes(protocol, schemes) {
  if (typeof protocol.registerSchemesAsPrivileged === 'function') {
    protocol.registerSchemesAsPrivileged(schemes);
    return;
  }
  var secure = !!(schemes[0].privileges && schemes[0].privileges.secure === true);
  var names = schemes.map(function (entry) {
    var privileges = entry.privileges || {};
    var others = Object.keys(privileges).filter(function (name) {
      return privileges[name] && name !== 'standard' && name !== 'secure';
    });
    if (privileges.standard !== true || (privileges.secure === true) !== secure || others.length) {
      throw agent.unsupported(
        'Electron ' + version + ' registers standard schemes only, all secure or none (protocol.registerStandardSchemes)'
      );
    }
    return entry.scheme;
  });
  protocol.registerStandardSchemes(names, { secure: secure });
}

// Electron reads userData, switches and privileged schemes when it gets
// ready: the main script sets them, so the runner passes them at launch. A
// registration that fails fails the target's creation.
var launchFailure = null;
if (launch) {
  app.setPath('userData', launch.userDataDir);
  var switches = launch.switches || {};
  Object.keys(switches).forEach(function (name) {
    app.commandLine.appendSwitch(name, switches[name]);
  });
  if (launch.privilegedSchemes && launch.privilegedSchemes.length) {
    try {
      registerSchemes(electron.protocol, launch.privilegedSchemes);
    } catch (error) {
      launchFailure = error;
    }
  }
}
// The agent opens windows only for the driver; closing them must not quit.
app.on('window-all-closed', function () {});

/** The era whose documents describe an Electron version (the nearest older one for versions in between). */
function eraOf(version) {
  var major = parseInt(version, 10);
  if (major >= 30) return 'current';
  if (major >= 17) return 'e17';
  if (major >= 12) return 'e12';
  if (major >= 9) return 'e9';
  return 'legacy';
}

function whenReady() {
  if (app.isReady()) return Promise.resolve();
  return new Promise(function (resolve) {
    app.once('ready', function () {
      resolve();
    });
  });
}

function quit() {
  return new Promise(function (resolve) {
    // The settlement is written before Electron goes on to exit.
    app.once('will-quit', function () {
      resolve();
    });
    setImmediate(function () {
      app.quit();
    });
  });
}

// ---- the driver: hidden BrowserWindows ---------------------------------------

var pages = new Map();
var nextPage = 1;

var electronMajor = parseInt(version, 10);

function hiddenWindow(session) {
  return new electron.BrowserWindow({ show: false, webPreferences: { session: session } });
}

/** Loads a URL; before Electron 5 loadURL returned nothing, so this waits for the load events. */
function load(win, url) {
  return new Promise(function (resolve, reject) {
    win.webContents.once('did-finish-load', function () {
      resolve();
    });
    win.webContents.once('did-fail-load', function (_event, code, description) {
      reject(new Error('loading ' + url + ' failed: ' + description + ' (' + code + ')'));
    });
    var loading = win.loadURL(url);
    // Newer Electrons also reject the returned promise; the events above report it.
    if (loading && typeof loading.then === 'function') loading.then(null, function () {});
  });
}

/** A DevTools protocol command; before Electron 5 sendCommand took a callback instead of returning a promise. */
function devtools(dbg, method, params) {
  if (electronMajor >= 5) return dbg.sendCommand(method, params || {});
  return new Promise(function (resolve, reject) {
    dbg.sendCommand(method, params || {}, function (error, result) {
      if (error && Object.keys(error).length) reject(new Error(method + ' failed: ' + (error.message || JSON.stringify(error))));
      else resolve(result);
    });
  });
}

/** Runs `fn(debugger)` in a hidden window of `session` with the DevTools protocol attached. */
function withDevTools(session, fn) {
  var win = hiddenWindow(session);
  return load(win, 'about:blank')
    .then(function () {
      win.webContents.debugger.attach('1.3');
      return fn(win.webContents.debugger);
    })
    .then(
      function (value) {
        win.destroy();
        return value;
      },
      function (error) {
        win.destroy();
        throw error;
      }
    );
}

function storageId(origin) {
  return { securityOrigin: origin, isLocalStorage: true };
}

function browserWindowDriver() {
  if (typeof electron.BrowserWindow !== 'function') return {};
  var driver = {
    'page.open': function (args) {
      var win = hiddenWindow(args.session);
      var pageId = 'page-' + nextPage++;
      pages.set(pageId, win);
      return load(win, args.url).then(function () {
        return { pageId: pageId, url: win.webContents.getURL() };
      });
    },
    'page.close': function (args) {
      var win = pages.get(args.page.pageId);
      if (win) {
        pages['delete'](args.page.pageId);
        win.destroy();
      }
    },
    'storage.setLocalStorage': function (args) {
      return withDevTools(args.session, function (dbg) {
        return devtools(dbg, 'DOMStorage.enable')
          .then(function () {
            return devtools(dbg, 'DOMStorage.setDOMStorageItem', {
              storageId: storageId(args.origin),
              key: args.key,
              value: args.value,
            });
          })
          .then(function () {
            return undefined;
          });
      });
    },
    'storage.getLocalStorage': function (args) {
      return withDevTools(args.session, function (dbg) {
        return devtools(dbg, 'DOMStorage.enable')
          .then(function () {
            return devtools(dbg, 'DOMStorage.getDOMStorageItems', { storageId: storageId(args.origin) });
          })
          .then(function (result) {
            var entries = result.entries || [];
            for (var i = 0; i < entries.length; i++) if (entries[i][0] === args.key) return entries[i][1];
            return null;
          });
      });
    },
  };
  if (electron.net && typeof electron.net.request === 'function') {
    // The nearest main-process equivalent of a page's fetch: the session's
    // network stack, proxy and cookies.
    driver['page.fetch'] = function (args) {
      return new Promise(function (resolve, reject) {
        var request = electron.net.request({
          url: args.url,
          method: args.method || 'GET',
          session: args.session,
          useSessionCookies: true,
        });
        var headers = args.headers || {};
        Object.keys(headers).forEach(function (name) {
          request.setHeader(name, headers[name]);
        });
        request.on('response', function (response) {
          var chunks = [];
          response.on('data', function (chunk) {
            chunks.push(chunk);
          });
          response.on('end', function () {
            var flat = {};
            Object.keys(response.headers).forEach(function (name) {
              var value = response.headers[name];
              flat[name] = Array.isArray(value) ? value.join(', ') : String(value);
            });
            resolve({ status: response.statusCode, headers: flat, body: Buffer.concat(chunks).toString('utf8') });
          });
          response.on('error', reject);
        });
        request.on('error', reject);
        if (args.body !== undefined) request.write(args.body);
        request.end();
      });
    };
  }
  // Extension load warnings reach the main process as process warnings; the
  // agent keeps those of type ExtensionLoadWarning until the spec asks.
  var loadWarnings = [];
  process.on('warning', function (warning) {
    if (warning.name === 'ExtensionLoadWarning') loadWarnings.push({ type: warning.name, message: warning.message });
  });
  driver['extensions.takeLoadWarnings'] = function () {
    return new Promise(function (resolve) {
      setImmediate(function () {
        resolve(loadWarnings.splice(0, loadWarnings.length));
      });
    });
  };
  return driver;
}

// What real Electron can do here. Devices and Bluetooth need hardware the
// agent cannot fake; `tls` and `dns` specs need Chromium to trust the
// fixtures' test CA and ask their DNS server, which only a change to the
// machine (its trust store, its resolver) could arrange.
var ELECTRON_CAPABILITIES = [
  'network',
  'proxy.pac',
  'proxy.system',
  'extensions',
  'spellcheck',
  'renderer',
  'storage',
  'downloads',
  'permissions',
  'display-media',
  'net-log',
  'restart',
  'crash-restart',
];

agent.runAgent({
  implementation: {
    name: (described && described.name) || 'Electron',
    version: version,
    language: 'javascript',
    eras: (described && described.eras) || [eraOf(version)],
    platform:
      process.platform + '-' + process.arch + (process.versions.electron ? ' electron ' + version : ' node ' + process.version),
  },
  capabilities: described ? described.capabilities : ELECTRON_CAPABILITIES,
  driver: described ? described.driver : browserWindowDriver(),
  restart: 'relaunch',
  targets: 'one',
  createTarget: function (options) {
    if (launchFailure) throw launchFailure;
    if (launch && (options.userDataDir !== launch.userDataDir || options.era !== launch.era)) {
      throw agent.unsupported('this agent serves the one app it was launched for (userData ' + launch.userDataDir + ')');
    }
    if (!launch && app.isReady()) {
      throw agent.unsupported('the app is ready: its userData can no longer be set; launch the agent through remote:');
    }
    if (!launch) {
      app.setPath('userData', options.userDataDir);
      if (options.privilegedSchemes && options.privilegedSchemes.length)
        registerSchemes(electron.protocol, options.privilegedSchemes);
    }
    return whenReady().then(function () {
      // Electron configures DNS-over-HTTPS after ready (Electron >= 14).
      if (options.secureDnsServers && options.secureDnsServers.length && typeof app.configureHostResolver === 'function') {
        app.configureHostResolver({ secureDnsMode: 'secure', secureDnsServers: options.secureDnsServers });
      }
      return { session: electron.session, app: app, quit: quit };
    });
  },
  exit: function () {
    if (typeof app.exit === 'function') app.exit(0);
    else process.exit(0);
  },
});
