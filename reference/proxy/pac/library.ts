// The PAC utility functions written in JavaScript, evaluated inside the
// sandbox before the user's script. Their behaviour is that of the classic
// Netscape library Chromium ships (including its quirks: shExpMatch builds a
// RegExp from the pattern, `?` and `*` are its only wildcards, date functions
// read the clock at call time), plus isResolvableEx. The functions Chromium
// implements natively (dnsResolve, myIpAddress, the *Ex family,
// sortIpAddressList, alert) are host functions; see bindings.ts.
// isPlainHostName is native in Chromium too, but it is pure and called by
// almost every script, so it lives here: a call into the host costs several
// microseconds. It follows Chromium's (no dot, and not an IP literal as
// IPAddress::AssignFromIPLiteral reads one), and a differential test holds
// it to the host-side version.

export const PAC_LIBRARY = String.raw`
var isPlainHostName = (function () {
  // A dotless IPv4 literal is one number: 0x-hex, 0-prefixed octal or decimal, at most 2^32-1.
  function isIPv4Number(text) {
    var value;
    if (/^0[xX][0-9a-fA-F]*$/.test(text)) value = text.length == 2 ? 0 : parseInt(text.slice(2), 16);
    else if (/^0[0-7]+$/.test(text)) value = parseInt(text, 8);
    else if (/^(0|[1-9][0-9]*)$/.test(text)) value = parseInt(text, 10);
    else return false;
    return value <= 4294967295;
  }
  // A dotless IPv6 literal: hex groups of 1-4 digits, eight of them or fewer around one "::".
  function isIPv6(text) {
    var halves = text.split('::');
    if (halves.length > 2) return false;
    var count = 0;
    for (var h = 0; h < halves.length; h++) {
      if (halves[h] == '') continue;
      var groups = halves[h].split(':');
      for (var g = 0; g < groups.length; g++) {
        if (!/^[0-9a-fA-F]{1,4}$/.test(groups[g])) return false;
      }
      count += groups.length;
    }
    return halves.length == 2 ? count <= 7 : count == 8;
  }
  return function isPlainHostName(host) {
    if (typeof host != 'string') throw new TypeError('Requires 1 string parameter');
    if (host.indexOf('.') >= 0) return false;
    return host.indexOf(':') >= 0 ? !isIPv6(host) : !isIPv4Number(host);
  };
})();

function dnsDomainIs(host, domain) {
  return host.length >= domain.length &&
      host.substring(host.length - domain.length) == domain;
}

function dnsDomainLevels(host) {
  return host.split('.').length - 1;
}

function isValidIpAddress(text) {
  var parts = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (parts == null) return false;
  for (var i = 1; i <= 4; i++) {
    if (parts[i] > 255) return false;
  }
  return true;
}

function convert_addr(text) {
  var b = text.split('.');
  return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
}

function isInNet(ipaddr, pattern, maskstr) {
  if (!isValidIpAddress(pattern) || !isValidIpAddress(maskstr)) return false;
  if (!isValidIpAddress(ipaddr)) {
    ipaddr = dnsResolve(ipaddr);
    if (ipaddr == null) return false;
  }
  var mask = convert_addr(maskstr);
  return (convert_addr(ipaddr) & mask) == (convert_addr(pattern) & mask);
}

function isResolvable(host) {
  return dnsResolve(host) != null;
}

function isResolvableEx(host) {
  return dnsResolveEx(host) != '';
}

function localHostOrDomainIs(host, hostdom) {
  return host == hostdom || hostdom.lastIndexOf(host + '.', 0) == 0;
}

// Patterns recur from call to call; compiling each once keeps the sandbox
// fast. Only string patterns are remembered, so anything else still fails
// exactly as the classic function does.
var shExpMatch = (function () {
  var compiled = Object.create(null);
  var size = 0;
  function compile(pattern) {
    var source = pattern.replace(/\./g, '\\.').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp('^' + source + '$');
  }
  return function shExpMatch(url, pattern) {
    if (typeof pattern != 'string') return compile(pattern).test(url);
    var re = compiled[pattern];
    if (!re) {
      re = compile(pattern);
      if (++size > 256) {
        compiled = Object.create(null);
        size = 1;
      }
      compiled[pattern] = re;
    }
    return re.test(url);
  };
})();

var wdays = {SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6};
var months = {JAN: 0, FEB: 1, MAR: 2, APR: 3, MAY: 4, JUN: 5, JUL: 6, AUG: 7, SEP: 8, OCT: 9, NOV: 10, DEC: 11};

function weekdayRange() {
  var argc = arguments.length;
  if (argc < 1) return false;
  var now = new Date();
  var today;
  if (arguments[argc - 1] == 'GMT') {
    argc--;
    today = now.getUTCDay();
  } else {
    today = now.getDay();
  }
  var first = arguments[0] in wdays ? wdays[arguments[0]] : -1;
  var last = argc == 2 ? (arguments[1] in wdays ? wdays[arguments[1]] : -1) : first;
  if (first == -1 || last == -1) return false;
  if (first <= last) return first <= today && today <= last;
  return last >= today || today >= first;
}

function dateRange() {
  function monthOf(name) {
    return name in months ? months[name] : -1;
  }
  var now = new Date();
  var argc = arguments.length;
  if (argc < 1) return false;
  var gmt = arguments[argc - 1] == 'GMT';
  if (gmt) argc--;
  if (argc == 1) {
    var single = parseInt(arguments[0]);
    if (isNaN(single)) return (gmt ? now.getUTCMonth() : now.getMonth()) == monthOf(arguments[0]);
    if (single < 32) return (gmt ? now.getUTCDate() : now.getDate()) == single;
    return (gmt ? now.getUTCFullYear() : now.getFullYear()) == single;
  }
  var year = now.getFullYear();
  var start = new Date(year, 0, 1, 0, 0, 0);
  var end = new Date(year, 11, 31, 23, 59, 59);
  var followMonth = false;
  var half = argc >> 1;
  for (var i = 0; i < half; i++) {
    var a = parseInt(arguments[i]);
    if (isNaN(a)) {
      start.setMonth(monthOf(arguments[i]));
    } else if (a < 32) {
      followMonth = argc <= 2;
      start.setDate(a);
    } else {
      start.setFullYear(a);
    }
  }
  for (var j = half; j < argc; j++) {
    var b = parseInt(arguments[j]);
    if (isNaN(b)) {
      end.setMonth(monthOf(arguments[j]));
    } else if (b < 32) {
      end.setDate(b);
    } else {
      end.setFullYear(b);
    }
  }
  if (followMonth) {
    start.setMonth(now.getMonth());
    end.setMonth(now.getMonth());
  }
  if (gmt) {
    var shifted = now;
    shifted.setFullYear(now.getUTCFullYear());
    shifted.setMonth(now.getUTCMonth());
    shifted.setDate(now.getUTCDate());
    shifted.setHours(now.getUTCHours());
    shifted.setMinutes(now.getUTCMinutes());
    shifted.setSeconds(now.getUTCSeconds());
    now = shifted;
  }
  if (start <= end) return start <= now && now <= end;
  return end >= now || now >= start;
}

function timeRange() {
  var argc = arguments.length;
  if (argc < 1) return false;
  var now = new Date();
  var gmt = false;
  if (arguments[argc - 1] == 'GMT') {
    gmt = true;
    argc--;
  }
  var hour = gmt ? now.getUTCHours() : now.getHours();
  if (argc == 1) return hour == arguments[0];
  if (argc == 2) return arguments[0] <= hour && hour <= arguments[1];
  var start = new Date();
  var end = new Date();
  if (argc == 6) {
    start.setSeconds(arguments[2]);
    end.setSeconds(arguments[5]);
  } else if (argc != 4) {
    throw 'timeRange: bad number of arguments';
  }
  var middle = argc >> 1;
  start.setHours(arguments[0]);
  start.setMinutes(arguments[1]);
  end.setHours(arguments[middle]);
  end.setMinutes(arguments[middle + 1]);
  if (middle == 2) end.setSeconds(59);
  if (gmt) {
    now.setFullYear(now.getUTCFullYear());
    now.setMonth(now.getUTCMonth());
    now.setDate(now.getUTCDate());
    now.setHours(now.getUTCHours());
    now.setMinutes(now.getUTCMinutes());
    now.setSeconds(now.getUTCSeconds());
  }
  if (start <= end) return start <= now && now <= end;
  return end >= now || now >= start;
}
`;
