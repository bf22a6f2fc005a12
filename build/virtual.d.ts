declare module 'virtual:langkah/catalog' {
  const catalog: import('../core/catalog').Catalog;
  export default catalog;
}
