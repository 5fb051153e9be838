#!/usr/bin/env node
import '../dist/postview.js';
