import { mountPage } from '../../components/mount';
import { App } from './App';
import './popup.css';

void mountPage(App);
