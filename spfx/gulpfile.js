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

build.initialize(require('gulp'));
