// Vite bundles imported stylesheets into a .css file; TypeScript only needs to know the import exists.
declare module '*.css';
