// CommonJS entry: require('presslens'). The package is an ES module; createAnalyzer is async
// anyway, so this loads it with a dynamic import (works on every Node version with ESM).
'use strict';

const load = () => import('./node.mjs');

/** @type {import('./index').createAnalyzer} */
exports.createAnalyzer = (options) => load().then((m) => m.createAnalyzer(options));
exports.SCHEMA = 'presslens/1';
exports.MAX_TEXT_LENGTH = 64 * 1024 * 1024;
/** Resolves to the ES module namespace (error classes for instanceof checks). */
exports.load = load;
