import { mkdtempSync } from 'node:fs';
import { CdpBrowser } from './harness/chromium/cdp-pipe.ts';
const b = await CdpBrowser.launch({ executable: '/usr/bin/chromium', userDataDir: mkdtempSync('/tmp/hrrx-'), isolateNetwork: false, args: ['--host-resolver-rules=MAP * 127.0.0.1:9'] });
const { targetId } = await b.send<any>('Target.createTarget', { url: 'about:blank' });
const { sessionId } = await b.send<any>('Target.attachToTarget', { targetId, flatten: true });
const r = await b.send<any>('Runtime.evaluate', { expression: `['*.test','a*.test','a~b.test', 'a_b.test'].map(h => { try { return h + ' -> ' + new URL('http://' + h + ':1/').host } catch (e) { return h + ' ' + e } })`, returnByValue: true }, sessionId);
console.log(r.result.value);
await b.close();
