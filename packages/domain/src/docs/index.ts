export * from './readme-diagrams.js';
