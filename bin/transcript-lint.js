#!/usr/bin/env node
'use strict';
require('./compiled').runCompiled('transcript-lint', 'server/src/cli/main.js');
