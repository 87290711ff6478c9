#!/usr/bin/env node
'use strict';
require('./compiled').runCompiled('transcript-convert', 'server/src/cli/convert/main.js');
