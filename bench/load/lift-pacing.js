/**
 * Diagnostic only (`node --import ./bench/load/lift-pacing.js bin/steward.js serve`): loads Steward
 * unchanged but with @octokit/plugin-throttling's write pacing (one POST or GraphQL request at a time
 * and 1 s apart, per installation) lifted, so the bench can show what Steward itself costs per
 * delivery apart from the pacing that Probot applies to every app. Never used to judge the goal.
 */
import { register } from 'node:module';

register('./lift-pacing-hooks.js', import.meta.url);
