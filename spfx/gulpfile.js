'use strict';

// The repository root has an ESLint 9 flat config (eslint.config.mjs) that ignores spfx/; ESLint 8 would find
// it first and skip every file here. This package lints with its own .eslintrc.js.
process.env.ESLINT_USE_FLAT_CONFIG = 'false';

const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

var getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  var result = getTasks.call(build.rig);
  result.set('serve', result.get('serve-deprecated'));
  return result;
};

// The API contract (../packages/contract, ADR 0015): copied into src/ before TypeScript runs, and the
// `@signaalpunt/contract` import (and `@signaalpunt/contract/<module>`, which keeps the rest of the index out
// of a bundle) resolved to its compiled copy in lib/.
const path = require('path');
const { syncContract } = require('./tools/sync-contract.cjs');
build.rig.addPreBuildTask(
  build.subTask('sync-contract', function (gulp, buildOptions, done) {
    syncContract();
    done();
  }),
);
build.configureWebpack.mergeConfig({
  additionalConfiguration: function (config) {
    config.resolve = config.resolve || {};
    config.resolve.alias = Object.assign({}, config.resolve.alias, { '@signaalpunt/contract': path.resolve(__dirname, 'lib', 'signaalpuntContract') });
    return config;
  },
});

build.initialize(require('gulp'));
